package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.cli.command.JobsCommand;
import dev.avatarkit.cli.command.RootCommand;
import org.junit.jupiter.api.Test;

class CommandBranchesTest {
    @Test
    void givenACommandName_whenTheTreeIsChosen_thenOnlyThatBranchIsBuilt() {
        assertThat(CommandBranches.forArguments("jobs", "list")).containsExactly(JobsCommand.class);
    }

    @Test
    void givenCommandsThatReadTheWholeTree_whenChosen_thenAllCommandsAreBuilt() {
        assertThat(CommandBranches.forArguments("help", "jobs", "list")).isEqualTo(RootCommand.COMMANDS);
        assertThat(CommandBranches.forArguments("completion")).isEqualTo(RootCommand.COMMANDS);
    }

    @Test
    void givenNoCommandFirst_whenChosen_thenAllCommandsAreBuiltSoUsageAndErrorsListThem() {
        assertThat(CommandBranches.forArguments()).isEqualTo(RootCommand.COMMANDS);
        assertThat(CommandBranches.forArguments("--help")).isEqualTo(RootCommand.COMMANDS);
        assertThat(CommandBranches.forArguments("-v", "jobs", "list")).isEqualTo(RootCommand.COMMANDS);
        assertThat(CommandBranches.forArguments("jbos")).isEqualTo(RootCommand.COMMANDS);
    }
}
