/**
 * Value types and small rules shared by every feature: money, loan numbers, the business clock.
 * Nothing here depends on another module.
 */
package io.borrowerportal.common;
