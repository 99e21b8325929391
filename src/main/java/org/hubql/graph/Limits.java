package org.hubql.graph;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.ValidationError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link QueryLimits} as graphql-java instrumentations. They run at the start of each execution, so documents
 * served from the {@link DocumentCache} are checked every time too.
 */
final class Limits {
    private Limits() {
        // non-constructable
    }

    static List<Instrumentation> instrumentations(QueryLimits limits, PageSize pageSize) {
        return List.of(
                new DocumentSize(limits.maxFields()),
                new FieldCounts(limits),
                depth(limits.maxDepth()),
                cost(limits.maxCost(), pageSize));
    }

    private static Instrumentation depth(int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int max) {
                return new LimitExceeded(
                        ErrorCodes.QUERY_TOO_DEEP,
                        "the query is " + depth + " levels deep; at most " + max + " are allowed");
            }
        };
    }

    private static Instrumentation cost(int maxCost, PageSize pageSize) {
        return new MaxQueryComplexityInstrumentation(maxCost, new QueryCost(pageSize)) {
            @Override
            protected AbortExecutionException mkAbortException(int cost, int max) {
                return new LimitExceeded(
                        ErrorCodes.QUERY_TOO_COMPLEX,
                        "the query could return about " + cost + " objects; at most " + max
                                + " are allowed (ask for smaller pages with `first`)");
            }
        };
    }

    /**
     * Field selections in the whole document, each fragment counted every time it is spread, before validation
     * runs: validation compares every pair of fields that land on the same key, so ten thousand repetitions of
     * one field cost seconds of CPU although the query would return one value.
     */
    private static final class DocumentSize extends SimplePerformantInstrumentation {
        private final int maxFields;

        DocumentSize(int maxFields) {
            this.maxFields = maxFields;
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(
                InstrumentationValidationParameters parameters, InstrumentationState state) {
            Document document = parameters.getDocument();
            Map<String, FragmentDefinition> fragments = new HashMap<>();
            document.getDefinitionsOfType(FragmentDefinition.class)
                    .forEach(fragment -> fragments.put(fragment.getName(), fragment));
            long fields = 0;
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                fields += count(operation.getSelectionSet(), fragments, new HashSet<>(), maxFields + 1L - fields);
            }
            if (fields > maxFields) {
                throw new LimitExceeded(
                        ErrorCodes.TOO_MANY_FIELDS,
                        "the document selects more than " + maxFields
                                + " fields (fragments counted each time they are spread); ask for less in one request");
            }
            return SimpleInstrumentationContext.noOp();
        }

        /** The selections below {@code selections}, counting no further than {@code budget}; a fragment cycle counts once. */
        private static long count(
                SelectionSet selections,
                Map<String, FragmentDefinition> fragments,
                Set<String> spreading,
                long budget) {
            long fields = 0;
            for (Selection<?> selection : selections.getSelections()) {
                if (fields >= budget) {
                    return fields;
                }
                if (selection instanceof Field field) {
                    fields++;
                    if (field.getSelectionSet() != null) {
                        fields += count(field.getSelectionSet(), fragments, spreading, budget - fields);
                    }
                } else if (selection instanceof InlineFragment inline) {
                    fields += count(inline.getSelectionSet(), fragments, spreading, budget - fields);
                } else if (selection instanceof FragmentSpread spread
                        && fragments.containsKey(spread.getName())
                        && spreading.add(spread.getName())) {
                    fields += count(
                            fragments.get(spread.getName()).getSelectionSet(), fragments, spreading, budget - fields);
                    spreading.remove(spread.getName());
                }
            }
            return fields;
        }
    }

    /** Aliases anywhere in the document, and fields at the root of the operation that runs. */
    private static final class FieldCounts extends SimplePerformantInstrumentation {
        private final QueryLimits limits;

        FieldCounts(QueryLimits limits) {
            this.limits = limits;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            Document document = parameters.getExecutionContext().getDocument();
            int aliases = countAliases(document);
            if (aliases > limits.maxAliases()) {
                throw new LimitExceeded(
                        ErrorCodes.TOO_MANY_ALIASES,
                        "the query has " + aliases + " aliases; at most " + limits.maxAliases() + " are allowed");
            }
            OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
            int rootFields = countFields(
                    operation.getSelectionSet(),
                    parameters.getExecutionContext().getFragmentsByName(),
                    new HashSet<>());
            if (rootFields > limits.maxRootFields()) {
                throw new LimitExceeded(
                        ErrorCodes.TOO_MANY_ROOT_FIELDS,
                        "the query selects " + rootFields + " root fields; at most " + limits.maxRootFields()
                                + " are allowed");
            }
            return SimpleInstrumentationContext.noOp();
        }

        /** Fields of a selection set, with its fragments spread in (validation has already refused cycles). */
        private static int countFields(
                SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> spread) {
            int fields = 0;
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field) {
                    fields++;
                } else if (selection instanceof InlineFragment inline) {
                    fields += countFields(inline.getSelectionSet(), fragments, spread);
                } else if (selection instanceof FragmentSpread fragmentSpread
                        && spread.add(fragmentSpread.getName())
                        && fragments.containsKey(fragmentSpread.getName())) {
                    fields +=
                            countFields(fragments.get(fragmentSpread.getName()).getSelectionSet(), fragments, spread);
                }
            }
            return fields;
        }

        private static int countAliases(Document document) {
            int aliases = 0;
            Deque<Node<?>> pending = new ArrayDeque<>();
            document.getDefinitions().forEach(pending::push);
            while (!pending.isEmpty()) {
                Node<?> node = pending.pop();
                if (node instanceof Field field && field.getAlias() != null) {
                    aliases++;
                }
                for (Node<?> child : node.getChildren()) {
                    if (child instanceof Selection<?>
                            || child instanceof SelectionSet
                            || child instanceof Definition<?>) {
                        pending.push(child);
                    }
                }
            }
            return aliases;
        }
    }
}
