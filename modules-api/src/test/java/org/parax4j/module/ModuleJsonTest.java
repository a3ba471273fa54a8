package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.json.Json;
import org.parax4j.module.TestModules.Cached;
import org.parax4j.module.TestModules.Holder;
import org.parax4j.module.TestModules.Pair;
import org.parax4j.param.Parameter;

/** Bit-exact save/load of module trees and the errors of malformed input. */
class ModuleJsonTest {

    @Test
    void holderRoundTripsExactly() {
        Holder h = TestModules.holder().withParamGroups(ParameterGroup.of(GroupsTest.mvn2(), "loc", "t"))
                .withName("root");
        Holder awkward = h.withAttrs("shown.loc", Parameter.builder().value(0.1 + 0.2).transform(new Exp()).build());
        String json = ModuleJson.save(awkward);
        assertEquals(awkward, ModuleJson.load(json));
        assertEquals(awkward, ModuleJson.load(json, Holder.class));
        assertEquals(json, awkward.toJson());
    }

    @Test
    void absentParametersSubmodulesAndListsRoundTrip() {
        TestModules.register();
        Pair noScale = new Pair(Parameter.of(0.5), null, Meta.NONE);
        assertEquals(List.of("loc"), noScale.paramNames());
        assertEquals(noScale, ModuleJson.load(ModuleJson.save(noScale)));
        Holder h = TestModules.holder();
        Holder sparse = new Holder(h.hidden(), null, h.invisible(), null, null, null, null, null, h.meta());
        assertEquals(sparse, ModuleJson.load(ModuleJson.save(sparse)));
    }

    @Test
    void notSavedComponentsComeBackAtTheirDefaults() {
        Cached c = new Cached(Parameter.of(Math.PI), Parameter.of(8.0), "compiled", 4, List.of("a", "b"), Meta.NONE);
        String json = ModuleJson.save(c);
        assertTrue(!json.contains("compiled") && !json.contains("scratch"), json);
        assertEquals(c.saveable(), ModuleJson.load(json));
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        var e = assertThrows(Json.JsonFormatException.class, () -> ModuleJson.load("{\n  \"module\": \"Pair\",\n  x}"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void unknownTypeSuggestsRegisteredNames() {
        TestModules.register();
        var e = assertThrows(IllegalArgumentException.class,
                () -> ModuleJson.load("{\"module\": \"Piar\", \"fields\": {}}"));
        assertTrue(e.getMessage().contains("unknown module type 'Piar'; closest: Pair"), e.getMessage());
        assertTrue(e.getMessage().contains("ModuleJson.register"), e.getMessage());
    }

    @Test
    void unknownAndMissingFieldsAreNamed() {
        String json = ModuleJson.save(Modules.create(Pair.class));
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> ModuleJson.load(json.replace("\"scale\"", "\"scal\"")));
        assertTrue(unknown.getMessage().contains("unknown field of Pair 'scal'; closest: scale"), unknown.getMessage());
        var wrongRoot = assertThrows(IllegalArgumentException.class, () -> ModuleJson.load(json, Holder.class));
        assertTrue(wrongRoot.getMessage().contains("at $: expected a Holder, got Pair"), wrongRoot.getMessage());
    }

    @Test
    void unregisteredTypesCannotBeSaved() {
        record Unregistered(Parameter p) implements Module<Unregistered> {}
        var e = assertThrows(IllegalArgumentException.class, () -> ModuleJson.save(new Unregistered(Parameter.of(1.0))));
        assertTrue(e.getMessage().contains("is not registered; call ModuleJson.register(Unregistered.class)"),
                e.getMessage());
    }

    @Test
    void aNameTakenByAnotherTypeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> ModuleJson.register("Pair", TestModules.Leaf.class));
        assertTrue(e.getMessage().contains("'Pair' is already registered"), e.getMessage());
    }
}
