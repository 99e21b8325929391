// Apollo Client with the persisted-query link (GET for hashed queries) runs one query twice against hubql and
// prints what it got and every request it sent: the first is the hash alone (a miss), the link then sends the text
// with the hash, and the second run sends the hash alone again (a hit).
// Usage: node apq.mjs http://127.0.0.1:PORT/graphql
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';

const url = process.argv[2];
const requests = [];

async function recordingFetch(input, init = {}) {
  const response = await fetch(input, init);
  const sent = new URL(typeof input === 'string' ? input : input.url);
  const body = init.body ? JSON.parse(init.body) : {};
  const extensions = body.extensions ?? JSON.parse(sent.searchParams.get('extensions') ?? '{}');
  const answer = await response.clone().json();
  requests.push({
    method: init.method ?? 'GET',
    status: response.status,
    sentQuery: Boolean(body.query ?? sent.searchParams.get('query')),
    sentHash: Boolean(extensions.persistedQuery?.sha256Hash),
    errorCode: answer.errors?.[0]?.extensions?.code ?? null,
  });
  return response;
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const client = new ApolloClient({
  link: createPersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
    new HttpLink({ uri: url, fetch: recordingFetch }),
  ),
  cache: new InMemoryCache(),
});

const query = gql`
  query UserNames {
    users(first: 2) {
      nodes {
        name
      }
    }
  }
`;
const first = await client.query({ query, fetchPolicy: 'no-cache' });
const second = await client.query({ query, fetchPolicy: 'no-cache' });
console.log(JSON.stringify({ first: first.data, second: second.data, requests }));
