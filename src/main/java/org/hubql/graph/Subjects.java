package org.hubql.graph;

import org.hubql.model.ApiToken;
import org.hubql.model.Group;
import org.hubql.model.OAuthAccessToken;
import org.hubql.model.OAuthCode;
import org.hubql.model.Server;
import org.hubql.model.ServerOwner;
import org.hubql.model.Service;
import org.hubql.model.Share;
import org.hubql.model.ShareCode;
import org.hubql.model.Spawner;
import org.hubql.model.User;
import org.hubql.scopes.Subject;

/**
 * Each object as JupyterHub's scope filters see it: a user, a user's server, a group or a service. Tokens count as
 * their owner; a share as its server, for {@code read:shares}, or as whom it was granted to, for
 * {@code read:users:shares} and {@code read:groups:shares}. Anything else (roles, OAuth clients, the hub) no filter
 * names.
 */
final class Subjects {
    private Subjects() {
        // non-constructable
    }

    static Subject of(Object object, String scope) {
        if (object instanceof User user) {
            return new Subject.OfUser(user.id());
        }
        if (object instanceof Spawner spawner) {
            return server(spawner.userId(), spawner.id());
        }
        if (object instanceof Server server) {
            return ofServer(server.owner());
        }
        if (object instanceof Service service) {
            return new Subject.OfService(service.id());
        }
        if (object instanceof Group group) {
            return new Subject.OfGroup(group.id());
        }
        if (object instanceof ApiToken token) {
            return token.userId() != null ? new Subject.OfUser(token.userId()) : service(token.serviceId());
        }
        if (object instanceof OAuthAccessToken token) {
            return user(token.userId());
        }
        if (object instanceof OAuthCode code) {
            return user(code.userId());
        }
        if (object instanceof Share share) {
            return switch (scope) {
                case "read:users:shares" ->
                    share.userId() == null ? Subject.UNRELATED : new Subject.OfUser(share.userId());
                case "read:groups:shares" ->
                    share.groupId() == null ? Subject.UNRELATED : new Subject.OfGroup(share.groupId());
                default -> server(share.ownerId(), share.spawnerId());
            };
        }
        if (object instanceof ShareCode code) {
            return server(code.ownerId(), code.spawnerId());
        }
        return Subject.UNNAMED;
    }

    private static Subject ofServer(ServerOwner owner) {
        if (owner instanceof ServerOwner.OfSpawner spawner) {
            return new Subject.OfServer(spawner.userId(), spawner.spawnerId());
        }
        if (owner instanceof ServerOwner.OfService service) {
            return new Subject.OfService(service.serviceId());
        }
        return Subject.UNNAMED;
    }

    private static Subject server(Long userId, Long spawnerId) {
        return userId == null || spawnerId == null ? Subject.UNNAMED : new Subject.OfServer(userId, spawnerId);
    }

    private static Subject user(Long userId) {
        return userId == null ? Subject.UNNAMED : new Subject.OfUser(userId);
    }

    private static Subject service(Long serviceId) {
        return serviceId == null ? Subject.UNNAMED : new Subject.OfService(serviceId);
    }
}
