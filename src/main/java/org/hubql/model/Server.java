package org.hubql.model;

/** A row of {@code servers}, with its owner when the fetcher that produced it knows it. */
public record Server(long id, String proto, String ip, Integer port, String baseUrl, ServerOwner owner)
        implements Identified {

    public Server(long id, String proto, String ip, Integer port, String baseUrl) {
        this(id, proto, ip, port, baseUrl, ServerOwner.UNKNOWN);
    }

    /** The same row, known to belong to {@code owner}. */
    public Server ownedBy(ServerOwner owner) {
        return new Server(id, proto, ip, port, baseUrl, owner);
    }

    /** {@code proto://ip:port} plus the base URL; null when a part is missing. */
    public String url() {
        if (proto == null || ip == null || port == null) {
            return null;
        }
        String host = ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
        return proto + "://" + host + ":" + port + (baseUrl == null ? "" : baseUrl);
    }
}
