package com.minkshop.command.interceptors;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.concurrent.Callable;

/**
 * Runs one command through an interceptor inside a real unit of work, the way the command bus does, so commit,
 * rollback and cleanup hooks fire.
 */
final class Commands {

    private Commands() {
    }

    static ResultMessage<?> run(MessageHandlerInterceptor<CommandMessage<?>> interceptor,
                                Object command,
                                Callable<Object> handler) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        return unitOfWork.executeWithResult(() -> interceptor.handle(unitOfWork, handler::call));
    }

    /** Makes the running unit of work fail at commit, as a lost race on the event store's unique key does. */
    static void failAtCommit(RuntimeException failure) {
        CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
            throw failure;
        });
    }

    static final class Rejection extends DomainException {

        Rejection(ErrorCode code, String message) {
            super(code, message);
        }
    }
}
