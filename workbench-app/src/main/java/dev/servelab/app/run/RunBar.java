package dev.servelab.app.run;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** The status bar: run status, progress, ETA, live headline metrics and a cancel button. */
public final class RunBar extends HBox {
    /** The run feature's stylesheet, beside this class in the resources. */
    static final String CSS = RunBar.class.getResource("run.css").toExternalForm();
    private final Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop-circle-outline"));
    private final ProgressBar bar = new ProgressBar(0);

    public RunBar(RunViewModel vm, Runnable onCancel) {
        super(10);
        getStyleClass().add("run-bar");
        getStylesheets().add(CSS);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(5, 10, 5, 10));
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label head = new Label();
        head.textProperty().bind(vm.headlineProperty());
        head.getStyleClass().add("text-muted");
        Label eta = new Label();
        eta.textProperty().bind(vm.etaProperty());
        bar.progressProperty().bind(vm.fractionProperty());
        bar.setPrefWidth(220);
        bar.visibleProperty().bind(vm.runningProperty().or(vm.loadingProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> onCancel.run());
        cancel.setTooltip(new javafx.scene.control.Tooltip("Cancel the run (Esc)"));
        cancel.getStyleClass().addAll("danger", "small");
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        eta.visibleProperty().bind(Bindings.isNotEmpty(vm.etaProperty()));
        getChildren().addAll(status, bar, eta, cancel, sp, head);
    }

    public Button cancel() {
        return cancel;
    }

    public ProgressBar bar() {
        return bar;
    }
}
