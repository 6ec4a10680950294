package dev.servelab.plugins.trace;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.plugins.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readers whose public files are not in the shared folder (BurstGPT, SplitwiseSim), on rows written
 * here in each format's published layout.
 */
class CraftedFormatsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void burstGptPlainSkipsFailedRows() throws IOException {
        Path f = write("BurstGPT_1.csv", "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n"
                + "5,ChatGPT,472,18,490,Conversation log\n"
                + "45,ChatGPT,1087,0,1087,Conversation log\n"
                + "118,GPT-4,417,276,693,API log\n");
        List<Request> all = SharedData.readAll(new BurstGptTraceReader().open(f));
        assertEquals(2, all.size());
        assertEquals(new Request(1, 113_000_000_000L, 417, 276, null, 0, null, "GPT-4", "API log"), all.get(1));
        ServeLabException e = assertThrows(ServeLabException.class, () -> SharedData.readAll(
                new BurstGptTraceReader(new BurstGptTraceReader.Settings(false)).open(f)));
        assertEquals(f + ":3: Response tokens must be >= 1, was 0", e.getMessage());
    }

    @Test
    void burstGptWithSessionColumns() throws IOException {
        Path f = write("BurstGPT_sessions.csv", "Timestamp,Session ID,Elapsed time,Model,Request tokens,Response tokens,Total tokens,Log Type\n"
                + "0.5,s-1,0,ChatGPT,100,20,120,Conversation log\n"
                + "3.25,s-1,2.75,ChatGPT,140,30,170,Conversation log\n");
        List<Request> all = SharedData.readAll(new BurstGptTraceReader().open(f));
        assertEquals("s-1", all.get(1).sessionId());
        assertEquals(2_750_000_000L, all.get(1).arrivalNanos());
        Path bad = write("bad.csv", "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n1,ChatGPT,many,3,3,API log\n");
        ServeLabException e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new BurstGptTraceReader().open(bad)));
        assertEquals(bad + ":2: Request tokens 'many' is not an integer", e.getMessage());
    }

    @Test
    void splitwiseSimCsv() throws IOException {
        Path f = write("rr_conv_80.csv", "request_id,request_type,application_id,arrival_timestamp,batch_size,prompt_size,token_size\n"
                + "0,2,0,0.12,1,1020,129\n"
                + "1,2,3,0.37,1,374,44\n");
        List<Request> all = SharedData.readAll(new SplitwiseSimTraceReader().open(f));
        assertEquals(new Request(1, 250_000_000L, 374, 44, null, 0, null, "app-3", null), all.get(1));
        Path bad = write("bad.csv", "request_id,request_type,application_id,arrival_timestamp,batch_size,prompt_size,token_size\n0,2,0,0.1,1,5\n");
        ServeLabException e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new SplitwiseSimTraceReader().open(bad)));
        assertEquals(bad + ":2: expected 7 comma-separated fields, found 6", e.getMessage());
    }

    @Test
    void shareGptTurnsGrowHistoryAndShareHashes() throws IOException {
        String sys = "You are a helpful assistant. ".repeat(8);
        Path f = write("sharegpt.json", "[\n"
                + "{\"id\": \"a\", \"conversations\": [{\"from\": \"system\", \"value\": \"" + sys + "\"},"
                + "{\"from\": \"human\", \"value\": \"" + "x".repeat(400) + "\"}, {\"from\": \"gpt\", \"value\": \"" + "y".repeat(80) + "\"},"
                + "{\"from\": \"human\", \"value\": \"" + "z".repeat(40) + "\"}, {\"from\": \"gpt\", \"value\": \"ok\"}]},\n"
                + "{\"id\": \"b\", \"conversations\": [{\"from\": \"system\", \"value\": \"" + sys + "\"},"
                + "{\"from\": \"human\", \"value\": \"hello there\"}, {\"from\": \"gpt\", \"value\": \"hi\"}]}\n]\n");
        List<Request> all = SharedData.readAll(new ShareGptTraceReader().open(f));
        assertEquals(3, all.size());
        assertEquals(58 + 100, all.get(0).promptTokens());
        assertEquals(20, all.get(0).outputTokens());
        assertEquals(158 + 20 + 10, all.get(1).promptTokens());
        assertEquals(1_000_000_000L, all.get(1).arrivalNanos());
        assertEquals("a", all.get(1).sessionId());
        long[] first = all.get(0).hashIds();
        long[] second = all.get(1).hashIds();
        for (int i = 0; i < first.length - 1; i++) assertEquals(first[i], second[i], "turn 2 reuses turn 1's full blocks");
        assertEquals(first[0], all.get(2).hashId(0), "the shared system prompt's first block is shared across sessions");
    }

    @Test
    void shareGptErrorsNameTheLine() throws IOException {
        Path f = write("bad.json", "[\n{\"id\": \"a\", \"conversations\": [{\"from\": \"human\"}]}\n]");
        ServeLabException e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new ShareGptTraceReader().open(f)));
        assertEquals(f + ":2: a message lacks 'from' or 'value'", e.getMessage());
        Path g = write("bad2.json", "[\n{\"id\": \"a\",\n \"conversations\": [}\n]");
        e = assertThrows(ServeLabException.class, () -> SharedData.readAll(new ShareGptTraceReader().open(g)));
        assertTrue(e.getMessage().startsWith(g + ":3: not valid JSON"), e.getMessage());
        Path empty = write("empty.json", "[]");
        assertNull(new ShareGptTraceReader().open(empty).next());
    }
}
