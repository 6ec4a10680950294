package dev.servelab.hw.perf.model;

import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.catalog.CatalogSources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model catalog: every {@code <id>.json} (a Hugging Face {@code config.json}) shipped under
 * {@code servelab/models/} or dropped into {@code ~/.servelab/models/}; see {@link CatalogSources}.
 * A config.json outside the catalog can be loaded with {@link #load(Path)}.
 */
public final class ModelCatalog {
    private final Map<String, CatalogSources.Entry> entries;

    private ModelCatalog(Map<String, CatalogSources.Entry> entries) {
        this.entries = entries;
    }

    public static ModelCatalog standard() {
        return new ModelCatalog(CatalogSources.list("models", List.of("json")));
    }

    public Set<String> ids() {
        return entries.keySet();
    }

    /** The model with this id, or a path to a config.json file. */
    public ModelSpec get(String idOrPath) {
        CatalogSources.Entry e = entries.get(idOrPath);
        if (e != null) {
            return ModelConfigReader.read(e.id(), e.path());
        }
        if (idOrPath.endsWith(".json")) {
            return load(Path.of(idOrPath));
        }
        throw new CatalogException("unknown model '" + idOrPath + "'; known: " + String.join(", ", ids())
                + " (or give the path of a Hugging Face config.json)");
    }

    /** Loads a config.json from anywhere; the id is the file name without {@code .json} (or the folder's name for {@code config.json}). */
    public static ModelSpec load(Path configJson) {
        String name = configJson.getFileName().toString();
        String id = name.equals("config.json") && configJson.getParent() != null
                ? configJson.getParent().getFileName().toString()
                : name.replaceFirst("\\.json$", "");
        return ModelConfigReader.read(id, configJson);
    }
}
