/**
 * Participation figures: who took part, by gender, age group, territory, area and organisation
 * type.
 */
package org.minga.participation;
