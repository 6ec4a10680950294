package dev.servelab.plugins.workload;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * One anonymised ServeGen client: its 144 ten-minute arrival windows and its token-length PMFs per
 * 6-hour window. The prompt length is {@code input_tokens} (language and reasoning models) or the sum
 * of {@code text_tokens}, {@code image_tokens}, {@code audio_tokens} and {@code video_tokens}
 * (multimodal), each drawn from its own PMF as ServeGen's generator does.
 */
record ServeGenClient(int number, List<ServeGenWindow> windows, TreeMap<Integer, Map<String, Pmf>> lengths) {
    private static final List<String> INPUT_FIELDS = List.of("input_tokens", "text_tokens", "image_tokens", "audio_tokens", "video_tokens");

    Map<String, Pmf> lengthsAt(double tS) {
        Map.Entry<Integer, Map<String, Pmf>> e = lengths.floorEntry((int) Math.floor(tS));
        return e != null ? e.getValue() : lengths.firstEntry().getValue();
    }

    int inputTokens(double tS, RandomGenerator rng) {
        Map<String, Pmf> pmfs = lengthsAt(tS);
        int sum = 0;
        for (String f : INPUT_FIELDS) {
            Pmf p = pmfs.get(f);
            if (p != null) sum += p.sample(rng);
        }
        return Math.max(1, sum);
    }

    int outputTokens(double tS, RandomGenerator rng) {
        Pmf p = lengthsAt(tS).get("output_tokens");
        return p == null ? 1 : Math.max(1, p.sample(rng));
    }
}
