package com.minkshop.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Lets Tomcat send each answer in one piece with a {@code Content-Length}. Spring's message converters flush the
 * stream after writing the body, which commits the response before Tomcat knows its length: it then falls back to
 * chunked encoding and writes headers, body and the closing chunk separately (3-4 % of a command's CPU, profiled
 * under load). This service's answers are small JSON documents and never streamed, so holding flushes back until the
 * request ends costs nothing; a body larger than Tomcat's buffer is still sent as it fills.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DeferredFlushFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new DeferredFlushResponse(response));
    }

    private static final class DeferredFlushResponse extends HttpServletResponseWrapper {

        private ServletOutputStream stream;

        DeferredFlushResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new DeferredFlushStream(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public void flushBuffer() {
            // the container flushes when the request completes
        }
    }

    private static final class DeferredFlushStream extends ServletOutputStream {

        private final ServletOutputStream delegate;

        DeferredFlushStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
        }

        @Override
        public void flush() {
            // the container flushes when the request completes
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }
}
