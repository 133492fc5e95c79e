package dev.lrrecsys.workbench.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte-level reader: quoting, line ends, line numbers and per-field encoding. */
class TextFileTest {

    @TempDir
    Path tmp;

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaksAndLineNumbersFollowThePhysicalLines() throws IOException {
        Path f = tmp.resolve("a.csv");
        Files.writeString(f, "\uFEFFid,text\r\n1,\"a, b\"\r\n\r\n2,\"say \"\"hi\"\"\nnext line\"\n3,\n", StandardCharsets.UTF_8);
        try (TextFile t = TextFile.open(f, ',', '"')) {
            assertThat(t.nextRecord()).containsExactly("id", "text");
            assertThat(t.recordLine()).isEqualTo(1);
            assertThat(t.nextRecord()).containsExactly("1", "a, b");
            assertThat(t.recordLine()).isEqualTo(2);
            assertThat(t.nextRecord()).containsExactly("2", "say \"hi\"\nnext line");
            assertThat(t.recordLine()).isEqualTo(4);
            assertThat(t.nextRecord()).containsExactly("3", "");
            assertThat(t.recordLine()).isEqualTo(6);
            assertThat(t.nextRecord()).isNull();
        }
    }

    @Test
    void eachFieldIsUtf8WhenValidAndLatin1Otherwise() throws IOException {
        Path f = tmp.resolve("mixed.csv");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("Rinc".getBytes(StandardCharsets.US_ASCII));
        b.write(0xF3);
        b.write("n,Rinc".getBytes(StandardCharsets.US_ASCII));
        b.write(new byte[] {(byte) 0xC3, (byte) 0xB3});
        b.write("n\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(f, b.toByteArray());
        try (TextFile t = TextFile.open(f, ',', -1)) {
            assertThat(t.nextRecord()).containsExactly("Rincón", "Rincón");
        }
    }

    @Test
    void lostCharactersAreRepairedOnlyWhenOneIntactSpellingFits() {
        LostCharacterRepair r = new LostCharacterRepair();
        r.learn("Cenaduria El Rincón de Tlaquepaque");
        r.learn("Café Pérez");
        r.learn("Cafè Bleu");
        assertThat(r.repair("El Rinc\uFFFDn de San Francisco")).isEqualTo("El Rincón de San Francisco");
        assertThat(r.repair("P\uFFFDrez")).isEqualTo("Pérez");
        // Café and Cafè both fit: ambiguous, left as it is.
        assertThat(r.repair("Caf\uFFFD")).isEqualTo("Caf\uFFFD");
        assertThat(r.repair("plain")).isEqualTo("plain");
    }
}
