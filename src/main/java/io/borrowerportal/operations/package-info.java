/**
 * Running the portal in production (decision 038): the management port's security, JSON logs with a request or
 * job id on every line, and the metrics every node reports. The business figures themselves are counted where they
 * happen, in their own modules, through Micrometer; nothing here depends on another module.
 */
package io.borrowerportal.operations;
