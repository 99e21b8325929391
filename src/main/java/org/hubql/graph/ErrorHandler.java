package org.hubql.graph;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hubql.db.DataAccessException;
import org.hubql.db.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed field into a GraphQL error with a stable {@code extensions.code}. Client mistakes keep their
 * message; anything else is logged here and answered with a generic message, never a stack trace.
 */
final class ErrorHandler implements DataFetcherExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters params) {
        Throwable error = unwrap(params.getException());
        GraphQLError graphQLError = GraphqlErrorBuilder.newError()
                .path(params.getPath())
                .location(params.getSourceLocation())
                .message(messageFor(error))
                .extensions(Map.of("code", codeFor(error)))
                .build();
        return CompletableFuture.completedFuture(
                DataFetcherExceptionHandlerResult.newResult(graphQLError).build());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String messageFor(Throwable error) {
        if (error instanceof BadInputException) {
            return error.getMessage();
        }
        if (error instanceof DatabaseUnavailableException unavailable) {
            LOG.debug("Database unavailable: {}", String.valueOf(unavailable.getCause()));
            return unavailable.getMessage();
        }
        if (error instanceof DataAccessException dataAccess) {
            if (!dataAccess.timedOut()) {
                LOG.warn("Database read failed: {}", String.valueOf(dataAccess.getCause()));
            }
            return dataAccess.getMessage();
        }
        LOG.error("Unexpected error while fetching a field", error);
        return "internal error while fetching this field";
    }

    private static String codeFor(Throwable error) {
        if (error instanceof BadInputException) {
            return ErrorCodes.BAD_USER_INPUT;
        }
        if (error instanceof DatabaseUnavailableException) {
            return ErrorCodes.DATABASE_UNAVAILABLE;
        }
        if (error instanceof DataAccessException dataAccess) {
            return dataAccess.timedOut() ? ErrorCodes.TIMEOUT : ErrorCodes.DATABASE_ERROR;
        }
        return ErrorCodes.INTERNAL_ERROR;
    }
}
