package org.fairdial.demo;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;

/** The callbacks the demo's peers do not use: timeouts and transport errors are not part of the show. */
abstract class DemoListener implements SipListener {
    @Override
    public void processTimeout(TimeoutEvent event) {
        // demo peers ignore timeouts
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        // demo peers ignore transport errors
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing held per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // nothing held per dialog
    }
}
