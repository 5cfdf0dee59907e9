package com.minkshop.query.web;

import com.minkshop.query.config.QueryProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin endpoints reset processors and replay dead letters, so they are not for the public: only loopback
 * clients may call them, or, when {@code minkshop.query.admin.token} is set, clients that present that token.
 * Everyone else gets the same 404 as for an unknown path, so the endpoints are not even discoverable. A filter, not
 * a Spring MVC interceptor: an interceptor runs only once a handler has matched, and the 405 or 406 a wrong method
 * or media type got before it told outsiders which admin paths exist.
 */
class AdminAccessFilter extends OncePerRequestFilter {

    static final String TOKEN_HEADER = "X-Admin-Token";

    private final String token;

    AdminAccessFilter(QueryProperties properties) {
        String configured = properties.admin().token();
        this.token = configured == null || configured.isBlank() ? null : configured;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isLoopback(request.getRemoteAddr()) || hasToken(request.getHeader(TOKEN_HEADER))) {
            chain.doFilter(request, response);
        } else {
            // the container's error dispatch answers it like any unknown path (FallbackErrorController)
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private boolean hasToken(String presented) {
        return token != null && presented != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                                         presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
