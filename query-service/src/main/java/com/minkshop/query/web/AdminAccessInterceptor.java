package com.minkshop.query.web;

import com.minkshop.query.config.QueryProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin endpoints reset processors and replay dead letters, so they are not for the public: only loopback
 * clients may call them, or, when {@code minkshop.query.admin.token} is set, clients that present that token.
 * Everyone else gets the same 404 as for an unknown path, so the endpoints are not even discoverable.
 */
class AdminAccessInterceptor implements HandlerInterceptor {

    static final String TOKEN_HEADER = "X-Admin-Token";

    private final String token;

    AdminAccessInterceptor(QueryProperties properties) {
        String configured = properties.admin().token();
        this.token = configured == null || configured.isBlank() ? null : configured;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (isLoopback(request.getRemoteAddr()) || hasToken(request.getHeader(TOKEN_HEADER))) {
            return true;
        }
        throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI());
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
