package org.parax4j.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.ModuleJson;
import org.parax4j.param.Parameter;
import org.parax4j.service.models.ModelRegistry;

/** Models loaded at start-up from a directory of JSON files (--models DIR). */
class ModelRegistryTest {

    @Test
    void modelFilesAreServedUnderTheirNames(@TempDir Path dir) throws Exception {
        new ModelRegistry(1); // registers the reference model's types with ModuleJson, as the service does
        ReferenceModel tuned = ReferenceModel.create().withParams(Map.of("resonator_q", 28.0, "resonator_gain", 1.05));
        Files.writeString(dir.resolve("tuned.json"), ModuleJson.save(tuned));
        ModelRegistry registry = ModelRegistry.standard(2, dir);
        assertEquals(java.util.List.of("reference", "tuned"), java.util.List.copyOf(registry.all().keySet()));
        assertArrayEquals(ReferenceModel.response(tuned, ReferenceModel.frequencies()),
                registry.get("tuned").function().evaluate(), 1e-9);
        assertEquals(28.0, registry.get("tuned").physical(registry.get("tuned").freePosition("resonator_q"),
                registry.get("tuned").nominalLatent()[registry.get("tuned").freePosition("resonator_q")]), 1e-12);
    }

    @Test
    void badFilesAreNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"module\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRegistry.standard(1, dir));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    }

    @Test
    void aRootWithoutModelFunctionIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kernel.json"), ModuleJson.save(new RBFKernel(Parameter.of(0.5),
                org.parax4j.module.Meta.NONE)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRegistry.standard(1, dir));
        assertTrue(e.getMessage().contains("kernel.json") && e.getMessage().contains("no model function"), e.getMessage());
    }

    @Test
    void gpDefinitionFilesAreServedAndBadOnesNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("line" + ModelRegistry.GP_SUFFIX), "{\"kernel\": "
                + ModuleJson.save(new RBFKernel(0.5)) + ", \"x\": [[0], [1], [2]], \"y\": [0, 1, 0], \"fit\": true}");
        ModelRegistry registry = ModelRegistry.standard(1, dir);
        assertEquals(java.util.List.of(ModelRegistry.DISCREPANCY, "line"), java.util.List.copyOf(registry.gps().keySet()));
        assertEquals(1, registry.gp("line").dimension());
        assertTrue(registry.gp("line").fitted() && Double.isFinite(registry.gp("line").logMarginalLikelihood()));
        assertTrue(registry.all().keySet().equals(java.util.Set.of("reference")), "a GP file is not a module tree");
        String[][] bad = {
            {"{\"x\": [[0]], \"y\": [0]}", "$.kernel is required"},
            {"{\"kernel\": KERNEL, \"x\": [[0], [1, 2]], \"y\": [0, 1]}", "$.x[1]"},
            {"{\"kernel\": KERNEL, \"x\": [[0], [1]], \"y\": [0, NaN]}", "$.y[1] must be a finite number"},
            {"{\"kernel\": KERNEL, \"x\": [[0], [1]], \"y\": [0]}", "$.y must be an array of n = 2"},
            {"{\"kernel\": KERNEL, \"x\": [[0]], \"y\": [0], \"nosie\": 1}", "unknown field $.nosie"},
            {"{\"kernel\": KERNEL, \"x\": [[0]], \"y\": [0], \"restarts\": 99}", "$.restarts must be an integer"},
            {"{\"kernel\": {\"module\": \"Nope\"}, \"x\": [[0]], \"y\": [0]}", "$.kernel"},
        };
        for (String[] b : bad) {
            Path sub = Files.createTempDirectory(dir, "bad");
            Files.writeString(sub.resolve("g" + ModelRegistry.GP_SUFFIX),
                    b[0].replace("KERNEL", ModuleJson.save(new RBFKernel(0.5))));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRegistry.standard(1, sub));
            assertTrue(e.getMessage().contains("g" + ModelRegistry.GP_SUFFIX) && e.getMessage().contains(b[1]),
                    e.getMessage());
        }
    }
}
