package org.baokao.gateway.problem;

import java.util.Map;

import org.baokao.web.problem.Problems;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Requests refused before any of the gateway's code runs: Reactor Netty's own for a request line longer than
 * {@code server.netty.max-initial-line-length} (414), headers larger than {@code server.max-http-request-header-size}
 * (431) or a request line it cannot parse (400), and Spring's for a target that is no URI at all (a broken
 * percent-escape, a backslash: 400). Both answer with an empty body. A handler on each connection's pipeline, between
 * Netty's HTTP codec and Reactor Netty, gives exactly those answers (a whole response, status 400, 414 or 431, no
 * body) a problem-details body: {@code MALFORMED_REQUEST}, {@code URI_TOO_LONG}, {@code HEADERS_TOO_LARGE}. Every
 * other response passes untouched; the gateway's and the services' own refusals already carry their problem.
 */
@Component
class NettyRefusals implements NettyServerCustomizer {

    private static final Map<Integer, ProblemDetail> PROBLEMS = Map.of(
            414, Problems.of(HttpStatus.URI_TOO_LONG, "URI_TOO_LONG", "请求地址过长"),
            431, Problems.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE", "请求头过大"),
            400, Problems.forStatus(HttpStatus.BAD_REQUEST));

    private static final String NAME = "baokao.problemForRefusals";
    private static final ProblemBodies PROBLEM_BODIES = new ProblemBodies();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, PROBLEM_BODIES);
            }
        });
    }

    @ChannelHandler.Sharable
    static final class ProblemBodies extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof FullHttpResponse refusal && isNettysOwnRefusal(refusal)) {
                ProblemDetail problem = PROBLEMS.get(refusal.status().code());
                byte[] body = Problems.json(problem);
                DefaultFullHttpResponse withBody = new DefaultFullHttpResponse(refusal.protocolVersion(),
                        refusal.status(), Unpooled.wrappedBuffer(body));
                withBody.headers().set(refusal.headers())
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                refusal.release();
                super.write(context, withBody, promise);
                return;
            }
            super.write(context, message, promise);
        }

        private static boolean isNettysOwnRefusal(FullHttpResponse response) {
            return PROBLEMS.containsKey(response.status().code()) && !response.content().isReadable();
        }
    }
}
