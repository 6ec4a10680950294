package dev.servelab.app.budget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.app.editor.EditorViewModel;
import dev.servelab.app.editor.GraphNode;
import dev.servelab.app.editor.NodeKind;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The memory / KV budget of the pool selected in the editor (or the pipeline's first pool): what
 * {@code servelab catalog --model M --hardware H --tp N} prints — weights, activations, KV bytes and blocks
 * per device — and the sequences that fit at once at a context length the user picks. Recomputed off the
 * JavaFX thread whenever the pool's settings change.
 */
public final class BudgetPanel extends TitledPane {
    private final EditorViewModel editor;
    private final Executor io;
    private final Executor ui;
    private final Label line = new Label("Select a pool to see its memory budget");
    private final Label seqs = new Label();
    private final Spinner<Integer> context = new Spinner<>(16, 1 << 20, 4096, 1024);
    private GraphNode pool;
    private PoolBudget budget;
    private long generation;

    public BudgetPanel(EditorViewModel editor, Executor io, Executor ui) {
        this.editor = editor;
        this.io = io;
        this.ui = ui;
        setText("Memory / KV budget");
        setId("budget-panel");
        setAnimated(false);
        line.setId("budget-line");
        line.setWrapText(true);
        seqs.setId("budget-sequences");
        context.setEditable(true);
        context.setPrefWidth(110);
        context.valueProperty().addListener((o, a, b) -> showSequences());
        Label at = new Label("context length (tokens)");
        HBox row = new HBox(8, at, context, seqs);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, line, row);
        box.setPadding(new Insets(4, 8, 4, 8));
        setContent(box);
        MapChangeListener<String, JsonNode> settingsChanged = c -> compute();
        editor.selection().addListener((ListChangeListener<GraphNode>) c -> follow(settingsChanged));
        editor.loadsProperty().addListener((o, a, b) -> follow(settingsChanged));
        follow(settingsChanged);
    }

    /** Follows the selected pool, else the first pool of the graph. */
    private void follow(MapChangeListener<String, JsonNode> listener) {
        GraphNode next = editor.selection().stream().filter(n -> n.kind == NodeKind.POOL).findFirst()
                .orElseGet(() -> editor.graph().nodes.stream().filter(n -> n.kind == NodeKind.POOL).findFirst().orElse(null));
        if (next == pool) return;
        if (pool != null) pool.settings.removeListener(listener);
        pool = next;
        if (pool != null) pool.settings.addListener(listener);
        compute();
    }

    private void compute() {
        long gen = ++generation;
        if (pool == null) {
            budget = null;
            line.setText("No pool in the pipeline");
            seqs.setText("");
            return;
        }
        Map<String, JsonNode> settings = new LinkedHashMap<>();
        pool.settings.forEach((k, v) -> settings.put(k, v.deepCopy()));
        String name = pool.title();
        line.setText("Computing the budget of pool " + name + "…");
        io.execute(() -> {
            try {
                PoolBudget b = PoolBudget.of(settings);
                ui.execute(() -> {
                    if (gen != generation) return;
                    budget = b;
                    setText("Memory / KV budget — pool " + name);
                    line.setText(b.catalogLine() + (b.budget().fits() ? "" : "  — the model does not fit"));
                    showSequences();
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (gen != generation) return;
                    budget = null;
                    line.setText("pool " + name + ": " + e.getMessage());
                    seqs.setText("");
                });
            }
        });
    }

    private void showSequences() {
        if (budget == null || context.getValue() == null) return;
        int ctx = context.getValue();
        seqs.setText(String.format(Locale.ROOT, "→ %,d sequences fit in the KV cache; at most %,d run at once (max_num_seqs %d)%s",
                budget.sequencesThatFit(ctx), budget.maxConcurrent(ctx), budget.maxNumSeqs(),
                ctx > budget.maxModelLen() ? String.format(Locale.ROOT, " · beyond the model's %,d-token window", budget.maxModelLen()) : ""));
    }

    public Label catalogLine() {
        return line;
    }

    public Label sequences() {
        return seqs;
    }

    public Spinner<Integer> contextLength() {
        return context;
    }
}
