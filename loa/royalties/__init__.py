"""Nhuận bút: genres and points per article, the value of a point and the monthly payment list.

The rules follow Nghị định 18/2014/NĐ-CP as provinces apply it: every genre is
worth a range of points inside its category's cap, a point is worth 10% of the
base salary, and each article's points are split between its payees.
"""
