package org.fairdial.admin;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.fairdial.config.AdminConfig;
import org.fairdial.config.AdminConfig.Role;
import org.fairdial.ports.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every admin HTTP request on the event loop: static wallboard files, {@code /healthz}, the event stream and
 * metrics are answered here; API routes are authorised here (401 with {@code WWW-Authenticate: Bearer}, RFC 6750
 * section 3; 403 for a role below the route's) and then run on a worker thread, as they may query the store or
 * wait for the dialer thread. Every request other than GET is audited, refused ones included.
 */
@ChannelHandler.Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

    private final Router router;
    private final Supplier<AdminConfig> config;
    private final AuditLog audit;
    private final EventHub events;
    private final StaticFiles files;
    private final DialerMetrics metrics;
    private final Executor workers;
    private volatile Tokens tokens = new Tokens(null, new TokenAuthenticator(List.of()));
    private final FailedTokenLimiter failures;

    AdminHandler(Router router, Supplier<AdminConfig> config, AuditLog audit, EventHub events, StaticFiles files,
                 DialerMetrics metrics, Executor workers, FailedTokenLimiter failures) {
        this.failures = failures;
        this.router = router;
        this.config = config;
        this.audit = audit;
        this.events = events;
        this.files = files;
        this.metrics = metrics;
        this.workers = workers;
    }

    /** The authenticator for the tokens in force, rebuilt when a reload brings another list. */
    private TokenAuthenticator tokens() {
        List<AdminConfig.Token> current = config.get().tokens();
        Tokens cached = tokens;
        if (cached.list() != current) {
            cached = new Tokens(current, new TokenAuthenticator(current));
            tokens = cached;
        }
        return cached.authenticator();
    }

    private record Tokens(List<AdminConfig.Token> list, TokenAuthenticator authenticator) {
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        Exchange ex = new Exchange(ctx, req.protocolVersion(), HttpUtil.isKeepAlive(req), req.method().name(),
                remote(ctx));
        if (!req.decoderResult().isSuccess()) {
            ex.keepAlive = false;
            ex.send(ApiResponse.error(400, null, "malformed HTTP request"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.rawPath();
        boolean get = "GET".equals(ex.method);
        ApiResponse file = get ? files.get(path) : null;
        if (file != null) {
            ex.send(file);
        } else if (get && "/healthz".equals(path)) {
            ex.send(ApiResponse.ok(Json.object("status", "up")));
        } else if (get && "/events".equals(path)) {
            String token = bearer(req).orElse(uri.parameters().getOrDefault("token", List.of(""))
                    .get(0));
            Principal who = authorise(ex, token, Role.VIEWER, path);
            if (who != null && !events.subscribe(ctx.channel(), who, req.protocolVersion())) {
                ex.retryAfter = "10";
                ex.send(ApiResponse.error(503, null, "too many event streams open, try again"));
            }
        } else if (get && "/metrics".equals(path)) {
            if (config.get().metricsPublic() || authorise(ex, bearer(req).orElse(null), Role.VIEWER, path) != null) {
                dispatch(ex, () -> ApiResponse.text(200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.scrape()));
            }
        } else {
            api(ex, req, uri, path);
        }
    }

    private void api(Exchange ex, FullHttpRequest req, QueryStringDecoder uri, String path) {
        Router.Match match = router.match(ex.method, path);
        if (match == null) {
            ex.send(ApiResponse.error(404, null, "no such resource: " + path));
            return;
        }
        if (match.route() == null) {
            ex.allow = match.allowed();
            ex.send(ApiResponse.error(405, null, ex.method + " is not allowed here; allowed: " + match.allowed()));
            return;
        }
        Principal who = authorise(ex, bearer(req).orElse(null), match.route().role(), path);
        if (who == null) {
            return;
        }
        ApiRequest request = new ApiRequest(ex.method, path, match.params(), uri.parameters(),
                ByteBufUtil.getBytes(req.content()), who);
        dispatch(ex, () -> {
            ApiResponse response = run(match.route(), request);
            if (!"GET".equals(ex.method)) {
                audit.record(who, ex.method, path, response.status(), ex.remote, response.audit());
            }
            return response;
        });
    }

    /** The principal if the token is valid and its role covers {@code required}; else answers 401/403, null. */
    private Principal authorise(Exchange ex, String token, Role required, String path) {
        if (required == null) {
            return new Principal("-", Role.VIEWER);
        }
        FailedTokenLimiter.Verdict verdict = failures.check(ex.remote);
        if (verdict != FailedTokenLimiter.Verdict.CHECK) {
            // The token is not even checked: a source over the limit learns nothing from more guesses.
            ex.retryAfter = Long.toString(failures.retryAfterSeconds(ex.remote));
            ApiResponse limited = ApiResponse.error(429, null, "too many failed token attempts, try again later");
            if (verdict == FailedTokenLimiter.Verdict.REFUSE_AND_AUDIT && !"GET".equals(ex.method)) {
                dispatch(ex, () -> {
                    audit.record(null, ex.method, path, 429, ex.remote, null);
                    return limited;
                });
            } else {
                ex.send(limited);
            }
            return null;
        }
        Optional<Principal> who = tokens().authenticate(token);
        ApiResponse refusal;
        if (who.isEmpty()) {
            failures.failed(ex.remote);
            ex.challenge = token == null || token.isEmpty() ? "Bearer realm=\"fairdial\""
                    : "Bearer realm=\"fairdial\", error=\"invalid_token\"";
            refusal = ApiResponse.error(401, null, token == null || token.isEmpty()
                    ? "a bearer token is required" : "the token is not valid");
        } else if (!who.get().role().covers(required)) {
            refusal = ApiResponse.error(403, null, "role " + who.get().role().label() + " may not do this; it needs "
                    + required.label());
        } else {
            return who.get();
        }
        if (!"GET".equals(ex.method)) {
            Principal known = who.orElse(null);
            int status = refusal.status();
            dispatch(ex, () -> {
                audit.record(known, ex.method, path, status, ex.remote, null);
                return refusal;
            });
        } else {
            ex.send(refusal);
        }
        return null;
    }

    private static ApiResponse run(Router.Route route, ApiRequest request) {
        try {
            return route.handler().handle(request);
        } catch (ApiException e) {
            return ApiResponse.error(e.status(), e.field(), e.getMessage());
        } catch (UnsupportedOperationException e) {
            return ApiResponse.error(501, null, e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, null, e.getMessage());
        } catch (IllegalStateException e) {
            return ApiResponse.error(409, null, e.getMessage());
        } catch (StoreException e) {
            LOG.warn("{} {}: store unavailable: {}", request.method(), request.path(), e.getMessage());
            return ApiResponse.error(503, null, "the store is unavailable, try again");
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            return ApiResponse.error(500, null, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private void dispatch(Exchange ex, Supplier<ApiResponse> work) {
        try {
            workers.execute(() -> ex.send(work.get()));
        } catch (RejectedExecutionException e) {
            ex.send(ApiResponse.error(503, null, "the admin API is busy, try again"));
        }
    }

    private static Optional<String> bearer(FullHttpRequest req) {
        return Optional.ofNullable(TokenAuthenticator.bearer(req.headers().get(HttpHeaderNames.AUTHORIZATION)));
    }

    private static String remote(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress()
                : String.valueOf(ctx.channel().remoteAddress());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("admin connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** One request's reply state, captured before the request's buffers are released. */
    private static final class Exchange {
        final ChannelHandlerContext ctx;
        final HttpVersion version;
        final String method;
        final String remote;
        boolean keepAlive;
        String challenge;
        String allow;
        String retryAfter;

        Exchange(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive, String method, String remote) {
            this.ctx = ctx;
            this.version = version;
            this.keepAlive = keepAlive;
            this.method = method;
            this.remote = remote;
        }

        void send(ApiResponse r) {
            FullHttpResponse response = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(r.status()),
                    Unpooled.wrappedBuffer(r.body()));
            var h = response.headers();
            h.set(HttpHeaderNames.CONTENT_TYPE, r.contentType())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer");
            if (r.contentType().startsWith("text/html")) {
                h.set("Content-Security-Policy", StaticFiles.CSP).set("X-Frame-Options", "DENY");
            }
            for (Map.Entry<String, String> extra : extraHeaders().entrySet()) {
                h.set(extra.getKey(), extra.getValue());
            }
            if (retryAfter != null) {
                h.set(HttpHeaderNames.RETRY_AFTER, retryAfter);
            }
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        private Map<String, String> extraHeaders() {
            if (challenge != null) {
                return Map.of(HttpHeaderNames.WWW_AUTHENTICATE.toString(), challenge);
            }
            return allow != null ? Map.of(HttpHeaderNames.ALLOW.toString(), allow) : Map.of();
        }
    }
}
