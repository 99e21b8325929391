package org.hubql.graph;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.hubql.model.ApiToken;
import org.hubql.model.Group;
import org.hubql.model.OAuthAccessToken;
import org.hubql.model.OAuthClient;
import org.hubql.model.OAuthCode;
import org.hubql.model.Role;
import org.hubql.model.Server;
import org.hubql.model.Service;
import org.hubql.model.Share;
import org.hubql.model.ShareCode;
import org.hubql.model.Spawner;
import org.hubql.model.User;
import org.hubql.model.Viewer;

/**
 * Who may see which object, applied in one place: every non-trivial fetcher's result passes through here. For a
 * viewer who does not see everything, an object it may not see becomes null, and drops out of lists, so nothing
 * tells whether it exists. A user sees itself and what it owns; a service sees itself and its own tokens.
 * Connections filter in SQL instead (their counts must match), in {@link QueryFetchers} and {@link GroupFetchers}.
 */
final class Visibility extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || RequestContext.of(parameters.getEnvironment()).viewer().seesAll()) {
            return fetcher;
        }
        return env -> {
            Viewer viewer = RequestContext.of(env).viewer();
            Object result = fetcher.get(env);
            boolean atRoot = env.getExecutionStepInfo().getPath().getLevel() == 1;
            Scope scope = new Scope(viewer, atRoot, atRoot && env.getField().getName().equals("nodes"));
            if (result instanceof CompletionStage<?> stage) {
                return stage.thenApply(scope::filter);
            }
            return scope.filter(result);
        };
    }

    /** The viewer, and where the field sits: at the root nothing is vouched for by a visible parent. */
    private record Scope(Viewer viewer, boolean atRoot, boolean keepPositions) {

        Object filter(Object value) {
            if (value instanceof List<?> list) {
                List<Object> kept = new ArrayList<>(list.size());
                for (Object element : list) {
                    if (visible(element)) {
                        kept.add(element);
                    } else if (keepPositions) {
                        kept.add(null);
                    }
                }
                return kept;
            }
            return visible(value) ? value : null;
        }

        boolean visible(Object value) {
            if (value instanceof User user) {
                return viewer.isUser(user.id());
            }
            if (value instanceof Spawner spawner) {
                return spawner.userId() != null && viewer.isUser(spawner.userId());
            }
            if (value instanceof Service service) {
                return viewer.isService(service.id());
            }
            if (value instanceof ApiToken token) {
                return token.userId() != null && viewer.isUser(token.userId())
                        || token.serviceId() != null && viewer.isService(token.serviceId());
            }
            if (value instanceof OAuthAccessToken token) {
                return token.userId() != null && viewer.isUser(token.userId());
            }
            if (value instanceof OAuthCode code) {
                return code.userId() != null && viewer.isUser(code.userId());
            }
            if (value instanceof Share share) {
                return isViewer(share.ownerId()) || isViewer(share.userId()) || share.groupId() != null && !atRoot;
            }
            if (value instanceof ShareCode code) {
                return isViewer(code.ownerId());
            }
            if (value instanceof Server || value instanceof Group || value instanceof Role) {
                // servers, groups and roles name no owner: visible only below an object the viewer may see
                return !atRoot;
            }
            return !(value instanceof OAuthClient);
        }

        private boolean isViewer(Long userId) {
            return userId != null && viewer.isUser(userId);
        }
    }
}
