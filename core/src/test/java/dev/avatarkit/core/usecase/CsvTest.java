package dev.avatarkit.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void givenQuotesCommasAndNewlinesInFields_whenParsing_thenFieldsAndStartingLinesAreRight() {
        List<Csv.Record> records = Csv.parse("name,line\r\n\"Smith, Jo\",\"two\nlines\"\n\"say \"\"hi\"\"\",x\n");
        assertThat(records).extracting(Csv.Record::line).containsExactly(1, 2, 4);
        assertThat(records.get(1).fields()).containsExactly("Smith, Jo", "two\nlines");
        assertThat(records.get(2).fields()).containsExactly("say \"hi\"", "x");
    }

    @Test
    void givenABomAndBlankLinesAndNoFinalNewline_whenParsing_thenTheyAreHandled() {
        List<Csv.Record> records = Csv.parse("\uFEFFa,b\n\n1,2");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields()).containsExactly("a", "b");
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    @Test
    void givenAnUnclosedQuote_whenParsing_thenTheLineIsNamed() {
        assertThatThrownBy(() -> Csv.parse("a\n\"oops\n")).hasMessageContaining("line 2");
    }
}
