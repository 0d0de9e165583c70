/**
 * The internal API between marketplace-api and sandbox-runner (never exposed to the public): the datasets a
 * license lets the runner read, analysis and run requests, run summaries, deliveries, and the data folder's
 * manifest. The public API's shapes are in the other packages of this module; the policy input documents and the
 * vocabulary both sides share ({@code Grade}, {@code ColumnTag}, {@code ColumnSpec}, problem documents) beside them.
 */
package io.pdx.contracts.runner;
