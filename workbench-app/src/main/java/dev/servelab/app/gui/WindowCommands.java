package dev.servelab.app.gui;

import dev.servelab.app.command.Command;
import dev.servelab.app.editor.EditorViewModel;
import dev.servelab.app.editor.GraphNode;
import dev.servelab.app.editor.NodeKind;
import dev.servelab.app.run.ExecutionMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every command of the window for the command palette: add a node of each plugin (its id is the title's
 * last word), the toolbar's file, edit and run actions, the examples, the views, the run modes and the theme.
 */
final class WindowCommands {
    private WindowCommands() {
    }

    static List<Command> of(MainWindow w) {
        List<Command> out = new ArrayList<>();
        FileActions files = w.files();
        RunActions running = w.running();
        EditorViewModel editor = w.workbench().editor();
        for (NodeKind k : NodeKind.values()) {
            if (k.pluginKinds().isEmpty()) {
                out.add(new Command("Add " + k.title(), "", () -> add(w, k, null)));
            } else {
                for (String id : editor.catalog().ids(k)) out.add(new Command("Add " + id, "", () -> add(w, k, id)));
            }
        }
        for (GraphNode n : editor.graph().nodes) {
            out.add(new Command("Go to node " + n.title() + " (" + n.kind.title() + ")", "", () -> {
                w.showView("editor");
                w.editor().canvas().focusNode(n);
            }));
        }
        out.add(new Command("Run", "F5", running::run));
        out.add(new Command("Cancel run", "Esc", running::cancel));
        out.add(new Command("New pipeline", "Ctrl+N", files::newPipeline));
        out.add(new Command("Open pipeline…", "Ctrl+O", files::open));
        out.add(new Command("Save", "Ctrl+S", files::save));
        out.add(new Command("Save as…", "Ctrl+Shift+S", files::saveAs));
        out.add(new Command("Undo", "Ctrl+Z", editor.undo()::undo));
        out.add(new Command("Redo", "Ctrl+Shift+Z", editor.undo()::redo));
        out.add(new Command("Copy selected nodes", "Ctrl+C", editor::copy));
        out.add(new Command("Paste nodes", "Ctrl+V", editor::paste));
        out.add(new Command("Delete selected nodes", "Delete", editor::deleteSelection));
        out.add(new Command("Fit the pipeline in view", "", () -> w.editor().canvas().fit()));
        out.add(new Command("Search plugins", "", () -> {
            w.showView("editor");
            w.editor().palette().search().requestFocus();
        }));
        String[][] views = {{"editor", "Pipeline"}, {"sla", "SLA"}, {"timeline", "Timeline"}, {"cache", "Cache"}, {"runs", "Runs"}, {"devices", "Devices"}};
        for (int i = 0; i < views.length; i++) {
            String v = views[i][0];
            out.add(new Command("Show " + views[i][1] + " view", "Ctrl+" + (i + 1), () -> w.showView(v)));
        }
        for (ExecutionMode m : w.workbench().run().modes()) {
            out.add(new Command("Run mode: " + m, "", () -> w.workbench().run().modeProperty().set(m)));
        }
        for (Path p : Examples.all()) out.add(new Command("Open example " + p.getFileName(), "", () -> files.openFile(p)));
        out.add(new Command("Toggle dark theme", "Ctrl+D", () -> w.services().theme().dark().set(!w.services().theme().dark().get())));
        return out;
    }

    private static void add(MainWindow w, NodeKind k, String id) {
        w.showView("editor");
        w.editor().add(k, id);
    }
}
