package org.backproplab.tui.term;

import java.io.IOException;

/**
 * A terminal that can switch the mouse's reports on and off ({@link SgrMouse}): the lab's own
 * terminals, local and over SSH. The lab switches them on when its screen starts and off when it
 * stops, on every way out; the local terminal switches them off at shutdown too.
 */
public interface MouseReporting {
    void reportMouse(boolean on) throws IOException;
}
