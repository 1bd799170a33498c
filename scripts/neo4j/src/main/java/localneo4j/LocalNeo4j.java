package localneo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.kernel.api.impl.index.LuceneSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Embedded Neo4j 5 Community with the Bolt connector, for local development.
 *
 * <p>Started (detached) by scripts/neo4j/local-neo4j.ts; not meant to be run by hand, though
 * it can be:
 *
 * <pre>
 *   NEO4J_LOCAL_PASSWORD=devpassword java -Xmx1g -cp &lt;classes&gt;:&lt;deps&gt; localneo4j.LocalNeo4j \
 *     --data-dir data/neo4j --bolt-port 7687 [--http-port 7474] --page-cache 512m \
 *     --tx-timeout 120s --user neo4j --ready-file data/neo4j/neo4j.ready
 * </pre>
 *
 * <p>All connectors listen on 127.0.0.1 only. Auth is enabled; the configured user's password
 * is (re)applied through the system database on every start, so the password from the
 * environment is authoritative. Once that is done the ready file is written (containing the
 * pid): Bolt already listens before that point, so clients should wait for the file before
 * authenticating (failed attempts would count toward the auth lockout). SIGTERM runs a shutdown
 * hook that shuts the DatabaseManagementService down cleanly and removes the ready file.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    private static void log(String msg) {
        System.out.println(Instant.now() + " local-neo4j: " + msg);
        System.out.flush();
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for --" + key);
                }
                value = args[++i];
            }
            out.put(key, value);
        }
        return out;
    }

    private static String required(Map<String, String> args, String key) {
        String v = args.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }

    /** Parses "120s", "5m", "500ms", "1h" or a bare number of seconds. */
    private static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase();
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
        return Duration.ofSeconds(Long.parseLong(t));
    }

    private static String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * Fast path: asks the AuthManager (internal API, pinned to 5.26) whether the credentials already
     * log in, which avoids ~3 s of Cypher planning on every warm start. Null if it cannot tell.
     */
    private static AuthenticationResult tryLogin(GraphDatabaseService system, String user, String password) {
        try {
            AuthManager authManager =
                    ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(AuthManager.class);
            return authManager
                    .login(AuthToken.newBasicAuthToken(user, password), ClientConnectionInfo.EMBEDDED_CONNECTION)
                    .subject()
                    .getAuthenticationResult();
        } catch (Throwable t) {
            return null;
        }
    }

    /** Makes the configured user exist with the configured password and no forced change. */
    private static void applyCredentials(DatabaseManagementService dbms, String user, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (tryLogin(system, user, password) == AuthenticationResult.SUCCESS) {
            log("credentials for user '" + user + "' already up to date");
            return;
        }
        List<Map<String, Object>> users = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired RETURN user, passwordChangeRequired",
                Map.of(),
                r -> r.stream().toList());
        Map<String, Object> p = Map.of("p", password);
        boolean exists = users.stream().anyMatch(u -> user.equals(u.get("user")));
        if (!exists) {
            system.executeTransactionally(
                    "CREATE USER " + quoteIdentifier(user) + " SET PASSWORD $p CHANGE NOT REQUIRED", p);
            log("created user '" + user + "'");
        } else {
            try {
                system.executeTransactionally(
                        "ALTER USER " + quoteIdentifier(user) + " SET PASSWORD $p CHANGE NOT REQUIRED", p);
                log("password set for user '" + user + "'");
            } catch (RuntimeException e) {
                // Neo4j refuses to "change" a password to the value it already has.
                if (String.valueOf(e.getMessage()).contains("cannot be the same")) {
                    log("password for user '" + user + "' already up to date");
                } else {
                    throw e;
                }
            }
        }
        // With a custom user, do not leave the built-in neo4j/neo4j account on its default password.
        if (!"neo4j".equals(user)) {
            for (Map<String, Object> u : users) {
                if ("neo4j".equals(u.get("user")) && Boolean.TRUE.equals(u.get("passwordChangeRequired"))) {
                    system.executeTransactionally("ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", p);
                    log("default user 'neo4j' given the configured password too");
                }
            }
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parseArgs(argv);
        Path dataDir = Path.of(required(args, "data-dir")).toAbsolutePath();
        int boltPort = Integer.parseInt(required(args, "bolt-port"));
        String httpPortArg = args.get("http-port");
        Integer httpPort = httpPortArg == null || httpPortArg.isEmpty() ? null : Integer.valueOf(httpPortArg);
        long pageCache = ByteUnit.parse(args.getOrDefault("page-cache", "512m"));
        Duration txTimeout = parseDuration(args.getOrDefault("tx-timeout", "120s"));
        String user = args.getOrDefault("user", "neo4j");
        String password = System.getenv("NEO4J_LOCAL_PASSWORD");
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("NEO4J_LOCAL_PASSWORD must be set (at least 8 characters)");
        }
        Path readyFile = args.containsKey("ready-file") ? Path.of(args.get("ready-file")).toAbsolutePath() : null;
        if (readyFile != null) {
            Files.deleteIfExists(readyFile);
        }
        long pid = ProcessHandle.current().pid();
        log("starting Neo4j (pid " + pid + ", data dir " + dataDir + ", bolt 127.0.0.1:" + boltPort
                + (httpPort != null ? ", http 127.0.0.1:" + httpPort : "") + ", page cache " + pageCache
                + " bytes, max heap " + Runtime.getRuntime().maxMemory() + " bytes)");

        long t0 = System.nanoTime();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dataDir)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Offline dev machine: no anonymous usage reporting.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpsConnector.enabled, false)
                // Internal (unsupported) setting, pinned to 5.26: Netty's 5 s graceful-shutdown quiet
                // period per Bolt connector made every stop take ~10 s; connections are closed by then.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // Plans are cached per parameter type AND size bucket by default, so the ingest's
                // one-statement-per-document write (lists of varying length) was re-planned for
                // most documents (~1.5 s each). Without size hints its plan is compiled once.
                .setConfig(GraphDatabaseInternalSettings.cypher_size_hint_parameters, false)
                // Internal setting, pinned to 5.26: full-text indexes merge Lucene segments with a
                // merge factor of 2, so every few commits rewrite the index; during an ingest those
                // merges took as much CPU as the writes. 10 is Lucene's own default.
                .setConfig(LuceneSettings.lucene_merge_factor, 10)
                .setConfig(LuceneSettings.lucene_nocfs_ratio, 0.0)
                .setConfig(HttpConnector.enabled, httpPort != null);
        if (httpPort != null) {
            builder.setConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
                    .setConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", httpPort));
        }

        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (Throwable t) {
            log("failed to start Neo4j: " + t);
            t.printStackTrace(System.out);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutdown requested, stopping Neo4j");
            try {
                if (readyFile != null) {
                    Files.deleteIfExists(readyFile);
                }
            } catch (IOException ignored) {
                // best effort
            }
            try {
                dbms.shutdown();
                log("Neo4j stopped cleanly");
            } catch (Throwable t) {
                log("error during shutdown: " + t);
            } finally {
                stopped.countDown();
            }
        }, "local-neo4j-shutdown"));

        try {
            applyCredentials(dbms, user, password);
        } catch (Throwable t) {
            log("failed to set credentials: " + t);
            t.printStackTrace(System.out);
            System.exit(1);
        }
        if (readyFile != null) {
            writeAtomically(readyFile, pid + "\n");
        }
        log(String.format("ready in %.1f s: bolt://127.0.0.1:%d%s", (System.nanoTime() - t0) / 1e9, boltPort,
                httpPort != null ? " http://127.0.0.1:" + httpPort : ""));
        stopped.await();
    }
}
