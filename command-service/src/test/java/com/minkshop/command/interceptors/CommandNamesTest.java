package com.minkshop.command.interceptors;

import com.minkshop.api.cart.CheckoutCartCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandNamesTest {

    record Command(String id) {
    }

    @Test
    void dropsTheCommandSuffix() {
        assertThat(CommandNames.of(GenericCommandMessage.asCommandMessage(new CheckoutCartCommand("C", "O"))))
                .isEqualTo("CheckoutCart");
    }

    @Test
    void keepsANameThatWouldOtherwiseBeEmpty() {
        assertThat(CommandNames.of(GenericCommandMessage.asCommandMessage(new Command("x")))).isEqualTo("Command");
    }
}
