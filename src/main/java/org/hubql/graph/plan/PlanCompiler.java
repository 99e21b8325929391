package org.hubql.graph.plan;

import com.fasterxml.jackson.core.io.SerializedString;
import graphql.execution.MergedField;
import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a validated query operation into a {@link Plan}, or into none when it leaves the subset plans cover:
 *
 * <ul>
 *   <li>a query whose root fields are all {@code users}, {@code user}, {@code groups} or {@code group};
 *   <li>below them, fields of object types only (no interface or union on the way), scalars, enums and
 *       {@code __typename}, with aliases and arguments (literals or variables);
 *   <li>fragments (inline or named) whose type is the type they are spread in;
 *   <li>no directive anywhere ({@code @skip}/{@code @include} would make the selection depend on the variables).
 * </ul>
 *
 * Fields are merged by answer key in document order, as graphql-java's field collection merges them.
 */
final class PlanCompiler {
    static final Set<String> ROOT_FIELDS = Set.of("users", "user", "groups", "group");

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;

    private PlanCompiler(GraphQLSchema schema, Map<String, FragmentDefinition> fragments) {
        this.schema = schema;
        this.fragments = fragments;
    }

    static Optional<Plan> compile(
            GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY
                || !operation.getDirectives().isEmpty()) {
            return Optional.empty();
        }
        try {
            Selection root = new PlanCompiler(schema, fragments)
                    .selection(schema.getQueryType(), List.of(operation.getSelectionSet()));
            for (PlannedField field : root.fields()) {
                if (!ROOT_FIELDS.contains(field.definition().getName())) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Plan(root));
        } catch (NotPlannable e) {
            return Optional.empty();
        }
    }

    private Selection selection(GraphQLObjectType type, List<SelectionSet> sets) {
        Map<String, List<Field>> byKey = new LinkedHashMap<>();
        for (SelectionSet set : sets) {
            collect(type, set, byKey);
        }
        List<PlannedField> fields = new ArrayList<>(byKey.size());
        byKey.forEach((key, merged) -> fields.add(planned(type, key, merged)));
        return new Selection(type, List.copyOf(fields));
    }

    private void collect(GraphQLObjectType type, SelectionSet set, Map<String, List<Field>> byKey) {
        for (graphql.language.Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field && field.getDirectives().isEmpty()) {
                byKey.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>())
                        .add(field);
            } else if (selection instanceof InlineFragment inline
                    && inline.getDirectives().isEmpty()
                    && (inline.getTypeCondition() == null
                            || inline.getTypeCondition().getName().equals(type.getName()))) {
                collect(type, inline.getSelectionSet(), byKey);
            } else if (selection instanceof FragmentSpread spread
                    && spread.getDirectives().isEmpty()) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment == null
                        || !fragment.getDirectives().isEmpty()
                        || !fragment.getTypeCondition().getName().equals(type.getName())) {
                    throw new NotPlannable();
                }
                collect(type, fragment.getSelectionSet(), byKey);
            } else {
                throw new NotPlannable();
            }
        }
    }

    private PlannedField planned(GraphQLObjectType parent, String key, List<Field> merged) {
        String name = merged.get(0).getName();
        MergedField field = MergedField.newMergedField(merged).build();
        if (name.equals(Introspection.TypeNameMetaFieldDef.getName())) {
            GraphQLFieldDefinition typeName = Introspection.TypeNameMetaFieldDef;
            return new PlannedField(new SerializedString(key), field, typeName, typeName.getType(), null, null);
        }
        GraphQLFieldDefinition definition = parent.getFieldDefinition(name);
        if (definition == null) {
            throw new NotPlannable(); // __schema, __type
        }
        GraphQLType leaf = GraphQLTypeUtil.unwrapAll(definition.getType());
        Selection children = null;
        if (leaf instanceof GraphQLObjectType object) {
            List<SelectionSet> sets = new ArrayList<>(merged.size());
            for (Field each : merged) {
                sets.add(each.getSelectionSet());
            }
            children = selection(object, sets);
        } else if (!(leaf instanceof GraphQLScalarType) && !(leaf instanceof GraphQLEnumType)) {
            throw new NotPlannable(); // an interface or a union
        }
        GraphQLOutputType type = definition.getType();
        return new PlannedField(
                new SerializedString(key),
                field,
                definition,
                type,
                schema.getCodeRegistry().getDataFetcher(parent, definition),
                children);
    }

    /** The operation leaves the subset plans cover. */
    private static final class NotPlannable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPlannable() {
            super(null, null, false, false);
        }
    }
}
