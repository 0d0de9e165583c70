package io.pdx.marketplace.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.pdx.marketplace.lifecycle.Transition;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Every transition of every aggregate, found in the compiled main classes (a new enum counts without being listed). */
public final class TransitionEnums {

    private TransitionEnums() {
    }

    public static List<Transition<?>> all() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.pdx.marketplace").stream()
                .filter(type -> type.isEnum() && type.isAssignableTo(Transition.class))
                .sorted(Comparator.comparing(JavaClass::getName))
                .flatMap(type -> Arrays.stream(type.reflect().getEnumConstants()).<Transition<?>>map(constant -> (Transition<?>) constant))
                .toList();
    }
}
