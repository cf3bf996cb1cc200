package org.fairdial.app;
public final class DialerCli { public static void main(String[] a) {} }
