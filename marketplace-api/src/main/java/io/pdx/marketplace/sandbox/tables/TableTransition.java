package io.pdx.marketplace.sandbox.tables;

import io.pdx.contracts.tables.TableState;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;

import static io.pdx.contracts.tables.TableState.CONFIRMED;
import static io.pdx.contracts.tables.TableState.DELETED;
import static io.pdx.contracts.tables.TableState.UPLOADED;

/** The named transitions of an organization's own table: confirming its columns, and deleting it (from either state). */
public enum TableTransition implements Transition<TableState> {
    CONFIRM(caller("confirm", CONFIRMED, UPLOADED)),
    DELETE(caller("delete", DELETED, UPLOADED, CONFIRMED));

    private final Edge<TableState> edge;

    TableTransition(Edge<TableState> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<TableState> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "table";
    }
}
