import { graphql } from '../gql';

// graphql-codegen's client preset finds this document and writes it, under its hash, to
// gql/persisted-documents.json: the file hubql then serves with --trusted-documents.
export const UserName = graphql(`
  query UserName($name: String!) {
    user(name: $name) {
      name
    }
  }
`);
