package com.minkshop.command.web;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.validation.method.MethodValidator;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Gives Spring MVC's method validator only to the handlers that have something for it to validate. Spring 6.2
 * hands it to every handler on every request, and taking it means searching the handler's method and class for
 * {@code @Validated} (spring-framework#36274): about 4 % of a command's request CPU here, for handlers whose
 * arguments carry no constraints and are therefore never method-validated. Request bodies are still validated by
 * their argument resolver ({@code @Valid}), and a handler with constrained arguments keeps Spring's behaviour.
 */
@Component
class HandlerValidation implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new ValidatorOnlyWhereNeeded();
    }

    /** The adapter whose handler invocations take the validator only where Spring found constraints at startup. */
    static final class ValidatorOnlyWhereNeeded extends RequestMappingHandlerAdapter {

        @Override
        protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handlerMethod) {
            return new ServletInvocableHandlerMethod(handlerMethod) {
                @Override
                public void setMethodValidator(MethodValidator validator) {
                    // without either flag Spring never calls the validator for this handler
                    boolean needed = shouldValidateArguments() || shouldValidateReturnValue();
                    super.setMethodValidator(needed ? validator : null);
                }
            };
        }
    }
}
