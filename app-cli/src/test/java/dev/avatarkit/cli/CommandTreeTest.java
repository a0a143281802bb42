package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.cli.command.JobsCommand;
import dev.avatarkit.cli.command.RootCommand;
import org.junit.jupiter.api.Test;

class CommandTreeTest {
    @Test
    void givenACommandName_whenTheTreeIsChosen_thenOnlyThatBranchIsBuilt() {
        assertThat(CommandTree.forArguments("jobs", "list")).containsExactly(JobsCommand.class);
    }

    @Test
    void givenCommandsThatReadTheWholeTree_whenChosen_thenAllCommandsAreBuilt() {
        assertThat(CommandTree.forArguments("help", "jobs", "list")).isEqualTo(RootCommand.COMMANDS);
        assertThat(CommandTree.forArguments("completion")).isEqualTo(RootCommand.COMMANDS);
    }

    @Test
    void givenNoCommandFirst_whenChosen_thenAllCommandsAreBuiltSoUsageAndErrorsListThem() {
        assertThat(CommandTree.forArguments()).isEqualTo(RootCommand.COMMANDS);
        assertThat(CommandTree.forArguments("--help")).isEqualTo(RootCommand.COMMANDS);
        assertThat(CommandTree.forArguments("-v", "jobs", "list")).isEqualTo(RootCommand.COMMANDS);
        assertThat(CommandTree.forArguments("jbos")).isEqualTo(RootCommand.COMMANDS);
    }
}
