package org.hubql.model;

/** A row of {@code servers}. */
public record Server(long id, String proto, String ip, Integer port, String baseUrl) implements Identified {

    /** {@code proto://ip:port} plus the base URL; null when a part is missing. */
    public String url() {
        if (proto == null || ip == null || port == null) {
            return null;
        }
        String host = ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
        return proto + "://" + host + ":" + port + (baseUrl == null ? "" : baseUrl);
    }
}
