package org.hubql.graph.plan;

import graphql.schema.GraphQLObjectType;
import java.util.List;

/** The fields selected on the objects of one type at one place of the operation, merged and in answer order. */
record Selection(GraphQLObjectType type, List<PlannedField> fields) {}
