package io.affinity.client.ratelimit.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real {@code redis-server} (from the PATH) on a free loopback port for a test class, empties it before
 * each test and restarts it if a test stopped it, and stops it after the class. Test methods receive it as a
 * {@link RedisServer} parameter.
 */
public final class RedisServerExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RedisServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getStore(NAMESPACE).put("server", RedisServer.start());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        RedisServer server = server(context);
        server.restart();
        server.command("FLUSHALL");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        RedisServer server = context.getStore(NAMESPACE).remove("server", RedisServer.class);
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static RedisServer server(ExtensionContext context) {
        // a method's store sees its class's values
        return context.getStore(NAMESPACE).get("server", RedisServer.class);
    }
}
