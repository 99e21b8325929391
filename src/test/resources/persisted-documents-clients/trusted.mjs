// Runs the document graphql-codegen wrote to gql/persisted-documents.json against a hubql serving that file with
// --trusted-documents: by its documentId, as codegen's clients send it, and by Apollo's hash alone; then tries an
// ad-hoc document, which must be refused. Prints the three answers.
// Usage: node trusted.mjs http://127.0.0.1:PORT/graphql gql/persisted-documents.json
import { readFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';

const [url, manifest] = process.argv.slice(2);
const [documentId, text] = Object.entries(JSON.parse(readFileSync(manifest, 'utf8')))[0];

async function post(body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const byDocumentId = await post({ documentId, variables: { name: 'alice' } });

// the hash is known before any request: the link sends it alone, and hubql, which has the document, runs it
const client = new ApolloClient({
  link: createPersistedQueryLink({ generateHash: () => documentId.replace(/^sha256:/, '') }).concat(
    new HttpLink({ uri: url }),
  ),
  cache: new InMemoryCache(),
});
const byHash = await client.query({ query: gql(text), variables: { name: 'bob' }, fetchPolicy: 'no-cache' });

const adHoc = await post({ query: '{ users { totalCount } }' });
console.log(JSON.stringify({ documentId, byDocumentId, byHash: byHash.data, adHoc }));
