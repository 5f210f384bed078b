/** Staff console views. */
package io.borrowerportal.staff.ui;
