package org.minga.security;

import java.util.List;

import org.minga.security.ShareLinks.LinkAccess;
import org.minga.security.TableCodes.TableAccess;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** What a request may do when it comes with a table code or a share link instead of a facilitator. */
final class Grants {

    private Grants() {
    }

    /** A phone acting for one table. */
    static final class TableGrant extends AbstractAuthenticationToken {
        private final TableAccess table;

        TableGrant(TableAccess table) {
            super(AuthorityUtils.createAuthorityList("ROLE_TABLE"));
            this.table = table;
            setAuthenticated(true);
        }

        TableAccess table() {
            return table;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "table:" + table.assemblyId() + "/" + table.tableId();
        }
    }

    /** A projector or an auditor holding a share link. */
    static final class LinkGrant extends AbstractAuthenticationToken {
        private final LinkAccess link;

        LinkGrant(LinkAccess link) {
            super(List.copyOf(AuthorityUtils.createAuthorityList("ROLE_" + link.kind().toUpperCase(java.util.Locale.ROOT))));
            this.link = link;
            setAuthenticated(true);
        }

        LinkAccess link() {
            return link;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "link:" + link.linkId();
        }
    }
}
