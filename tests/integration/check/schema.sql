-- The schema the --check tests check against (a database of their own).
create table items (
  id      integer primary key,
  name    varchar(20) not null,
  price   numeric(10, 2),
  note    text,
  created timestamptz not null default now()
);
create table orders (
  id      integer primary key,
  item_id integer not null references items,
  qty     integer not null
);
insert into items values (1, 'pen', 1.50, null, '2024-01-01 10:00:00+00'), (2, 'ink', 7.25, 'blue', '2024-02-01 10:00:00+00');
insert into orders values (10, 1, 3);
