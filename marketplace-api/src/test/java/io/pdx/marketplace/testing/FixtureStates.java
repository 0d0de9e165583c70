package io.pdx.marketplace.testing;

import io.pdx.marketplace.lifecycle.StatefulEntity;

import java.lang.reflect.Field;

/**
 * Puts a test fixture straight into a state, as rows restored from elsewhere would be: production code moves state
 * only through the transition kernel (an architecture test holds it to that); a fixture that needs a license ACTIVE
 * or a dataset REGISTERED without walking there sets the private state field here.
 */
public final class FixtureStates {

    private FixtureStates() {
    }

    public static <S extends Enum<S>, A extends StatefulEntity<S>> A inState(A entity, S state) {
        for (Class<?> type = entity.getClass(); type != StatefulEntity.class; type = type.getSuperclass()) {
            for (String name : new String[] {"state", "status"}) {
                try {
                    Field field = type.getDeclaredField(name);
                    if (field.getType() == state.getDeclaringClass()) {
                        field.setAccessible(true);
                        field.set(entity, state);
                        return entity;
                    }
                } catch (NoSuchFieldException next) {
                    // not this name, or not this class
                } catch (IllegalAccessException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        throw new IllegalArgumentException("no state field of type " + state.getDeclaringClass().getSimpleName() + " in "
                + entity.getClass().getSimpleName());
    }
}
