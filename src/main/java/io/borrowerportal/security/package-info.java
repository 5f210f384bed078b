/**
 * Sign-in, roles and the two identities every service sees: the customer being served and the person
 * acting. During a staff preview they differ, and every state-changing call is refused.
 */
package io.borrowerportal.security;
