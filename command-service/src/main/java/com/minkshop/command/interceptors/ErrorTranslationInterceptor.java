package com.minkshop.command.interceptors;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DatabaseFailures;
import com.minkshop.command.common.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.AxonTransientException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Turns whatever a command handler throws into a {@link CommandExecutionException} whose details are a stable
 * {@link ErrorCode}, so callers switch on codes rather than exception types (and would keep working with a
 * distributed command bus, which only carries the details across).
 * <p>
 * Unexpected failures are logged here with their stack trace and become {@link ErrorCode#INTERNAL_ERROR}; the REST
 * layer shows clients none of their text. A database that cannot be reached or refuses to serve is no fault of the
 * command: it becomes {@link ErrorCode#SERVICE_UNAVAILABLE}, logged in one line (an outage would otherwise print one
 * stack trace per request). Concurrency conflicts pass through untouched: they are transient, and the
 * gateway's retry scheduler must still recognise them.
 */
@Component
@Order(InterceptorOrder.ERROR_TRANSLATION)
class ErrorTranslationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ErrorTranslationInterceptor.class);

    private static final Map<String, ErrorCode> NOT_FOUND_BY_PACKAGE = Map.of(
            "com.minkshop.api.product", ErrorCode.PRODUCT_NOT_FOUND,
            "com.minkshop.api.cart", ErrorCode.CART_NOT_FOUND,
            "com.minkshop.api.order", ErrorCode.ORDER_NOT_FOUND);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.code());
        } catch (AggregateNotFoundException e) {
            ErrorCode code = notFoundCode(unitOfWork.getMessage());
            throw new CommandExecutionException(notFoundMessage(code, e.getAggregateIdentifier()), e, code);
        } catch (JSR303ViolationException | AxonTransientException | AggregateStreamCreationException e) {
            throw e;
        } catch (HandlerExecutionException e) {
            if (e.getDetails().filter(ErrorCode.class::isInstance).isPresent()) {
                throw e;
            }
            throw unexpected(unitOfWork.getMessage(), e);
        } catch (Exception e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw unavailable(unitOfWork.getMessage(), e);
            }
            throw unexpected(unitOfWork.getMessage(), e);
        }
    }

    private static CommandExecutionException unavailable(CommandMessage<?> command, Exception failure) {
        String name = CommandNames.of(command);
        log.warn("[CMD] {} failed, database unavailable (command id {}): {}", name, command.getIdentifier(),
                 failure.toString());
        return new CommandExecutionException(name + " failed, database unavailable: " + failure, failure,
                                             ErrorCode.SERVICE_UNAVAILABLE);
    }

    private static CommandExecutionException unexpected(CommandMessage<?> command, Exception failure) {
        String name = CommandNames.of(command);
        log.error("[CMD] {} failed unexpectedly (command id {})", name, command.getIdentifier(), failure);
        return new CommandExecutionException(name + " failed unexpectedly: " + failure, failure,
                                             ErrorCode.INTERNAL_ERROR);
    }

    private static ErrorCode notFoundCode(CommandMessage<?> command) {
        return NOT_FOUND_BY_PACKAGE.getOrDefault(command.getPayloadType().getPackageName(), ErrorCode.NOT_FOUND);
    }

    private static String notFoundMessage(ErrorCode code, Object aggregateId) {
        String what = switch (code) {
            case PRODUCT_NOT_FOUND -> "product";
            case CART_NOT_FOUND -> "cart";
            case ORDER_NOT_FOUND -> "order";
            default -> "aggregate";
        };
        return what + " " + aggregateId + " not found";
    }
}
