package dev.servelab.app.editor;

/** One undoable change of the pipeline graph. */
public interface Edit {
    void apply();

    void revert();

    String label();

    static Edit of(String label, Runnable apply, Runnable revert) {
        return new Edit() {
            @Override
            public void apply() {
                apply.run();
            }

            @Override
            public void revert() {
                revert.run();
            }

            @Override
            public String label() {
                return label;
            }
        };
    }
}
