package org.minga.ui.web;

/** A read for an assembly no read model knows (yet). */
public class UnknownAssemblyException extends RuntimeException {

    private final String assemblyId;

    public UnknownAssemblyException(String assemblyId) {
        super("unknown assembly " + assemblyId);
        this.assemblyId = assemblyId;
    }

    public String assemblyId() {
        return assemblyId;
    }
}
