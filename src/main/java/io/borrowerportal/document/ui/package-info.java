/** Customer website pages for documents: the Documents tab and its "Upload New Document" dialog. */
package io.borrowerportal.document.ui;
