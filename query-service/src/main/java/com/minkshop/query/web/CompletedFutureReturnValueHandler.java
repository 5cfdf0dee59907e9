package com.minkshop.query.web;

import jakarta.servlet.ServletException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Answers a controller's {@link CompletableFuture} on the request thread when it is already complete, which is the
 * normal case: a read without {@code minVersion}, or one whose view has already reached it, is done when the
 * controller returns. Spring MVC would otherwise start async processing for it and dispatch the request a second
 * time through the filter chain and the DispatcherServlet (docs/benchmarks.md). A read still waiting for its view
 * keeps Spring's async handling. Failures are thrown the way Spring's async dispatch throws them, so
 * {@link ApiExceptionHandler} answers them alike. The command-service has the same handler for its commands.
 */
@Component
class CompletedFutureReturnValueHandler implements HandlerMethodReturnValueHandler, BeanPostProcessor {

    private HandlerMethodReturnValueHandlerComposite defaults;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
            List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
            defaults = new HandlerMethodReturnValueHandlerComposite().addHandlers(handlers);
            handlers.add(0, this);
            adapter.setReturnValueHandlers(handlers);
        }
        return bean;
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return CompletableFuture.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer container,
                                  NativeWebRequest request) throws Exception {
        if (!(returnValue instanceof CompletableFuture<?> future) || !future.isDone()) {
            defaults.handleReturnValue(returnValue, returnType, container, request);
            return;
        }
        Object value;
        try {
            value = future.join();
        } catch (CompletionException | CancellationException e) {
            Throwable failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (failure instanceof Exception exception) {
                throw exception;
            }
            throw new ServletException("Async processing failed: " + failure, failure);
        }
        defaults.handleReturnValue(value, new CompletedValue(returnType, value), container, request);
    }

    /** The future's return type seen as the type of its value, as Spring's async dispatch sees it. */
    private static final class CompletedValue extends MethodParameter {

        private final Object value;
        private final ResolvableType valueType;

        CompletedValue(MethodParameter futureType, Object value) {
            super(futureType);
            this.value = value;
            this.valueType = ResolvableType.forMethodParameter(futureType).getGeneric();
        }

        private CompletedValue(CompletedValue original) {
            super(original);
            this.value = original.value;
            this.valueType = original.valueType;
        }

        @Override
        public Class<?> getParameterType() {
            return value != null ? value.getClass() : valueType.toClass();
        }

        @Override
        public Type getGenericParameterType() {
            return valueType.getType();
        }

        @Override
        public CompletedValue clone() {
            return new CompletedValue(this);
        }
    }
}
